import type { ComponentChildren } from 'preact';

/**
 * A wide table's box, scrolled sideways on narrow screens. Keyboard users scroll it
 * too: it takes focus, as a region named like its table.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
