import type { ConsentConfigVersionInfo } from './privacyApi.js';

/**
 * Who published a version, in words: the member's name, a secret key by its label,
 * or the default every project starts with (no one).
 */
export function formatPublisher(publishedBy: ConsentConfigVersionInfo['publishedBy']): string {
  if (publishedBy === null) return 'Parcours (the default settings)';
  if ('name' in publishedBy) return publishedBy.name;
  return `API key “${publishedBy.key}”`;
}

/** The first 12 hex digits of a config hash: enough to tell versions apart at a glance. */
export function formatHashPrefix(configHash: string): string {
  return configHash.slice(0, 12);
}
