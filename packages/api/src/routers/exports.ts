import { TRPCError } from '@trpc/server';
import { auditProject } from '../auth/audit.js';
import {
  getCsvFilename,
  toDropoffsCsv,
  toFunnelBreakdownCsv,
  toFunnelStepsCsv,
  toPathsCsv,
  toPersonsCsv,
} from '../csv/journeyCsv.js';
import { readPersonPages } from '../paging/readPersonPages.js';
import { projectProcedure, router } from '../trpc.js';
import { dropoffInput, funnelInput, pathsInput, personsInput } from './journeyInputs.js';
import { resolveSegment } from './resolveSegment.js';

/** Persons one CSV of a person list holds at most. */
export const MAX_CSV_PERSONS = 10_000;

const dropoffsInput = funnelInput.and(dropoffInput.pick({ step: true }));
const personsFilters = personsInput.omit({ limit: true, cursor: true });

/**
 * CSV downloads of the dashboard's journey tables (issue 12, item 3): each takes its
 * table's `journeys.*` input (a saved segment resolved as `journeys.*` does) and answers `{ filename, csv }` of the same answer
 * (RFC 4180, formula cells guarded: `toCsv`). A person list's export is audited.
 */
export const exportsRouter = router({
  funnelStepsCsv: projectProcedure.input(funnelInput).query(async ({ ctx, input }) => ({
    filename: getCsvFilename('funnel', ctx.project.projectId),
    csv: toFunnelStepsCsv(await ctx.store.getFunnel(ctx.project.projectId, await resolveSegment(ctx, input))),
  })),

  funnelBreakdownCsv: projectProcedure.input(funnelInput).query(async ({ ctx, input }) => {
    if (input.breakdown === undefined) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'breakdown: name the property the funnel is broken down by',
      });
    }
    const result = await ctx.store.getFunnel(ctx.project.projectId, await resolveSegment(ctx, input));
    return {
      filename: getCsvFilename('funnel-breakdown', ctx.project.projectId),
      csv: toFunnelBreakdownCsv(result, input.breakdown),
    };
  }),

  pathsCsv: projectProcedure.input(pathsInput).query(async ({ ctx, input }) => ({
    filename: getCsvFilename('paths', ctx.project.projectId),
    csv: toPathsCsv(await ctx.store.getPaths(ctx.project.projectId, await resolveSegment(ctx, input))),
  })),

  /** Every person who dropped off at the step (up to 10,000); audited. */
  dropoffsCsv: projectProcedure.input(dropoffsInput).query(async ({ ctx, input }) => {
    const { projectId } = ctx.project;
    if (input.step > input.steps.length) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `step: the funnel has ${input.steps.length} steps`,
      });
    }
    const query = await resolveSegment(ctx, input);
    const persons = await readPersonPages(
      (page) => ctx.store.getFunnelDropoffs(projectId, { ...query, ...page }),
      MAX_CSV_PERSONS,
    );
    await auditProject(ctx, 'export.dropoffs', { detail: { step: input.step, persons: persons.length } });
    return { filename: getCsvFilename('dropoffs', projectId), csv: toDropoffsCsv(persons) };
  }),

  /** Every person of the filtered list (up to 10,000), in its order; audited. */
  personsCsv: projectProcedure.input(personsFilters).query(async ({ ctx, input }) => {
    const { projectId } = ctx.project;
    const query = await resolveSegment(ctx, input);
    const persons = await readPersonPages(
      (page) => ctx.store.getPersons(projectId, { ...query, ...page }),
      MAX_CSV_PERSONS,
    );
    await auditProject(ctx, 'export.persons', { detail: { persons: persons.length } });
    return { filename: getCsvFilename('persons', projectId), csv: toPersonsCsv(persons) };
  }),
});
