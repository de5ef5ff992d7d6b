const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The presentation properties a chart's CSS sets: copied inline, so the file looks as the
 * page did. As presentation attributes (`fill="…"`), not a `style` attribute: the page's
 * CSP refuses inline style attributes, and the two mean the same to an SVG reader.
 */
const STYLED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** The chart's size on screen, in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A standalone SVG document of a chart as rendered: every element's computed styles
 * inline as presentation attributes (the page's stylesheet does not travel with the file), its size on screen,
 * and a background of `background` (the card's colour) so a PNG is not transparent.
 */
export function serialiseChart(svg: SVGSVGElement, background: string): { markup: string; size: ChartSize } {
  const box = svg.getBoundingClientRect();
  const size = { width: Math.round(box.width), height: Math.round(box.height) };
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const computed = getComputedStyle(original);
    const copy = copies[index] as SVGElement;
    copy.removeAttribute('class');
    for (const name of STYLED_PROPERTIES) copy.setAttribute(name, computed.getPropertyValue(name));
  });
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(size.width));
  clone.setAttribute('height', String(size.height));
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  const viewBox = svg.viewBox.baseVal;
  backdrop.setAttribute('x', String(viewBox.x));
  backdrop.setAttribute('y', String(viewBox.y));
  backdrop.setAttribute('width', String(viewBox.width || size.width));
  backdrop.setAttribute('height', String(viewBox.height || size.height));
  backdrop.setAttribute('fill', background);
  clone.insertBefore(backdrop, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), size };
}

/** A `data:` URL of an SVG document: the CSP allows `data:` images, not `blob:`. */
export function toSvgDataUrl(markup: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
}

/**
 * The chart drawn on a canvas at `scale` × its size (sharp on a high-density screen)
 * and encoded as PNG, in the browser: no server round trip.
 */
export async function renderChartPng(markup: string, size: ChartSize, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = toSvgDataUrl(markup);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size.width * scale;
  canvas.height = size.height * scale;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw on a canvas.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
}
