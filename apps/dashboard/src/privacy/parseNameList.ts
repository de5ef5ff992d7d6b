/** The names of a one-per-line (or comma-separated) text field, trimmed, without blanks or repeats. */
export function parseNameList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}

/**
 * What is wrong with a query allow-list, in the words of the form, or undefined.
 * The server checks again (`privacy.setCollectionSettings`); this only answers
 * before the round trip. `*` goes at the end only, after at least one character.
 */
export function checkQueryAllowList(names: readonly string[]): string | undefined {
  const bad = names.find((name) => !/^[A-Za-z0-9_.[\]-]+\*?$/.test(name) || name.length > 64);
  if (bad === undefined) return undefined;
  return bad === '*'
    ? 'A lone * would keep every parameter: name the parameters, or a prefix such as utm_*.'
    : `“${bad}” is not a parameter name: letters, digits, _ . - [ ], with * only at the end.`;
}
