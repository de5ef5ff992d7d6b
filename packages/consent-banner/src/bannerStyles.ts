/**
 * The banner's whole style sheet, scoped under `.pcb`. Accept and refuse share one class
 * (`.pcb-p`) and one grid track each: same size, font, weight and colours by construction.
 * Colours pass WCAG AA (white on #1d3b63 ≈ 11:1; #1d3b63 on white for Customise).
 */
export const BANNER_STYLES =
  '.pcb{position:fixed;z-index:2147483646;left:1rem;right:1rem;bottom:1rem;max-width:34rem;margin:auto;' +
  'background:#fff;color:#1a1a1a;border:1px solid #555;border-radius:8px;padding:1rem 1.25rem;' +
  'font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 24px #0004;max-height:90vh;overflow:auto}' +
  '.pcb h2{font-size:1.1rem;margin:0 2rem .5rem 0}.pcb p{margin:0 0 .75rem}.pcb a{color:#1d3b63}' +
  '.pcb-a{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}' +
  '.pcb button{font:inherit;font-weight:600;border-radius:6px;padding:.6rem .8rem;cursor:pointer;' +
  'border:2px solid #1d3b63;background:#fff;color:#1d3b63}' +
  '.pcb .pcb-p{background:#1d3b63;color:#fff}.pcb-c{grid-column:1/-1}' +
  '.pcb button:focus-visible,.pcb input:focus-visible{outline:3px solid #c55a00;outline-offset:2px}' +
  '.pcb .pcb-x{position:absolute;top:.5rem;right:.5rem;border:0;padding:.2rem .6rem;font-size:1.3rem}' +
  '.pcb-g{font-style:italic}.pcb label{display:flex;gap:.6rem;align-items:center;font-weight:600}' +
  '.pcb input{width:1.2rem;height:1.2rem;accent-color:#1d3b63}.pcb fieldset{border:0;margin:0;padding:0}' +
  '.pcb-f{position:fixed;z-index:2147483645;left:1rem;bottom:1rem;font:600 14px system-ui,sans-serif;' +
  'border:2px solid #1d3b63;background:#fff;color:#1d3b63;border-radius:6px;padding:.4rem .7rem;cursor:pointer}';
