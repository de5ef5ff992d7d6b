import { TRPCError } from '@trpc/server';
import { propertyNameSchema } from '@parcours/schema';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { projectProcedure, router } from '../trpc.js';
import { buildWebhookBody } from '../webhooks/buildWebhookBody.js';
import { resolveSegment } from './resolveSegment.js';
import { WEBHOOK_SOURCES, type WebhookSourceName } from '../webhooks/webhookSources.js';

const destinationId = z.string().min(1).max(64);

const webhookUrl = z
  .url({ protocol: /^https?$/, message: 'url: an http:// or https:// address' })
  .max(2_048)
  .refine((url) => new URL(url).username === '' && new URL(url).password === '', {
    message: 'url: no user or password in the address (the body is signed instead)',
  });

const sendInput = z.object({
  destinationId,
  source: z.enum(Object.keys(WEBHOOK_SOURCES) as [WebhookSourceName, ...WebhookSourceName[]]),
  /** The list's query, as its `journeys.*` procedure takes it. */
  query: z.record(z.string(), z.unknown()),
  /** What leaves besides each person id: their anonymous ids, user ids, and the traits named. */
  ids: z
    .array(z.enum(['anonymousIds', 'userIds']))
    .max(2)
    .default([]),
  traits: z.array(propertyNameSchema).max(20).default([]),
});

function notFound(id: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `destinationId: no webhook destination ${id}` });
}

/** The persons of the list the sender chose, read with the query validated by its source. */
async function readSourcePersons(ctx: AuthorisedContext, input: z.infer<typeof sendInput>) {
  const source = WEBHOOK_SOURCES[input.source];
  const parsed = source.query.safeParse(input.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `query: not a valid ${input.source} query (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      cause: parsed.error,
    });
  }
  // Each source's query type is its own; the parse above made this one's, and a saved
  // segment (`segment: { id }`) becomes its definition as `journeys.*` resolves it.
  return (source.getPersons as (...args: unknown[]) => ReturnType<typeof source.getPersons>)(
    ctx.store,
    ctx.project.projectId,
    await resolveSegment(ctx, parsed.data),
  );
}

/**
 * Signed webhooks (issue 12, item 4): destinations a project's owners and analysts
 * configure, and sends of a person list to one of them, queued in the store and
 * delivered by the server with retries (see docs/webhooks.md). Every change and send
 * is in the audit log.
 */
export const webhooksRouter = router({
  list: projectProcedure.query(({ ctx }) => ctx.store.listWebhookDestinations(ctx.project.projectId)),

  /** A new destination; its signing secret is in this answer only. */
  create: projectProcedure
    .input(z.object({ name: z.string().trim().min(1).max(100), url: webhookUrl }))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.store.createWebhookDestination({
        projectId: ctx.project.projectId,
        name: input.name,
        url: input.url,
        createdBy: ctx.caller.actor.label,
      });
      await auditProject(ctx, 'webhook.created', {
        target: created.destinationId,
        detail: { name: input.name, url: input.url },
      });
      return created;
    }),

  /** Deletes a destination, its pending deliveries and its log. */
  remove: projectProcedure.input(z.object({ destinationId })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.store.deleteWebhookDestination(ctx.project.projectId, input.destinationId))) {
      throw notFound(input.destinationId);
    }
    await auditProject(ctx, 'webhook.removed', { target: input.destinationId });
    return { removed: true as const };
  }),

  /** Queues a list's persons for the destination: delivered in the background, retried on failure. */
  send: projectProcedure.input(sendInput).mutation(async ({ ctx, input }) => {
    const { projectId } = ctx.project;
    const destinations = await ctx.store.listWebhookDestinations(projectId);
    if (!destinations.some((d) => d.destinationId === input.destinationId))
      throw notFound(input.destinationId);
    const persons = await readSourcePersons(ctx, input);
    const body = await buildWebhookBody(ctx.store, { projectId, source: input.source, persons }, input);
    const delivery = await ctx.store.enqueueWebhookDelivery({
      projectId,
      destinationId: input.destinationId,
      source: input.source,
      persons: body.persons.length,
      body: JSON.stringify(body),
      at: Date.now(),
    });
    if (delivery === undefined) throw notFound(input.destinationId);
    await auditProject(ctx, 'webhook.sent', {
      target: input.destinationId,
      detail: {
        deliveryId: delivery.deliveryId,
        source: input.source,
        persons: delivery.persons,
        ids: input.ids.join(','),
        traits: input.traits.join(','),
      },
    });
    ctx.services?.onWebhookQueued?.();
    return delivery;
  }),

  /** The destination's delivery log: each delivery, newest first, with every attempt. */
  deliveries: projectProcedure
    .input(z.object({ destinationId, limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const { projectId } = ctx.project;
      const destinations = await ctx.store.listWebhookDestinations(projectId);
      if (!destinations.some((d) => d.destinationId === input.destinationId))
        throw notFound(input.destinationId);
      return ctx.store.listWebhookDeliveries(projectId, input.destinationId, input.limit);
    }),
});
