import type { Properties, PropertyValue } from '@parcours/schema';

/**
 * A profile's traits from a person's identifies (oldest first): each trait's latest
 * value wins, so a plan changed from `free` to `pro` reads `pro`.
 */
export function mergeTraits(identifies: ReadonlyArray<{ timestamp: number; properties: Properties }>): {
  traits: Record<string, PropertyValue>;
  traitsUpdatedAt: number | null;
} {
  // A null-prototype record: a trait named `__proto__` stays a trait.
  const traits = Object.create(null) as Record<string, PropertyValue>;
  let traitsUpdatedAt: number | null = null;
  for (const { timestamp, properties } of identifies) {
    for (const [name, value] of Object.entries(properties)) {
      traits[name] = value;
      traitsUpdatedAt = timestamp;
    }
  }
  return { traits: { ...traits }, traitsUpdatedAt };
}
