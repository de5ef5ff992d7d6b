import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The rendered width (CSS px) of the element given `ref`, followed as it resizes, and
 * `fallback` until it is measured. A chart drawn at this width with a matching
 * viewBox keeps its text at its CSS size on any screen, instead of scaling it down.
 */
export function useElementWidth<T extends Element>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => {
      const measured = Math.round(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
