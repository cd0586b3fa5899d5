/** <jb-workbench>'s look: form rows, buttons, the results table, suggestion and problem lists. */
import { css } from 'lit';

export const styles = css`
    :host { display: block; font-size: 14px; }
    h2 { font-size: 1rem; margin: 0 0 8px; }
    h3 { font-size: 0.92rem; margin: 14px 0 6px; color: #37474f; }
    .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
    select, input[type='text'], input[type='number'] { font: inherit; max-width: 100%; min-height: 34px; padding: 2px 6px; border: 1px solid #90a4ae; border-radius: 6px; }
    input[type='text'] { flex: 1; min-width: 8em; }
    input[type='number'] { width: 4.5em; }
    button { font: inherit; min-height: 34px; padding: 2px 10px; border: 1px solid #90a4ae; border-radius: 6px; background: #fff; cursor: pointer; }
    button.primary { background: #2e7d32; color: #fff; border-color: #2e7d32; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    fieldset { border: 0; padding: 0; margin: 0; }
    fieldset label { display: flex; align-items: center; gap: 6px; min-height: 30px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 6px; padding: 3px 0; border-bottom: 1px solid #eceff1; }
    li { flex-wrap: wrap; }
    li .grow { flex: 1; }
    li .note { flex-basis: 100%; margin: 2px 0 4px; font-size: 0.88em; }
    .muted { color: #78909c; font-size: 0.85em; }
    .warn { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 8px; border-radius: 4px; margin: 6px 0; }
    .err { background: #ffebee; border-left: 4px solid #c62828; padding: 8px; border-radius: 4px; margin: 6px 0; }
    table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
    th, td { text-align: right; padding: 3px 4px; border-bottom: 1px solid #eceff1; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; white-space: normal; }
    .up { color: #1b5e20; font-weight: 600; }
    .down { color: #b23c00; font-weight: 600; }
    .drop { border: 2px dashed #90a4ae; border-radius: 8px; padding: 12px; text-align: center; color: #546e7a; }
    .drop.over { border-color: #2e7d32; background: #e8f5e9; }
    .problems { max-height: 10em; overflow: auto; font-size: 0.85em; }
    .problems li { display: list-item; list-style: disc; margin-left: 1.2em; border: 0; }
    progress { width: 100%; }
    .letter { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%; border: 3px solid #c2185b; color: #c2185b; font-weight: 700; font-size: 0.8em; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: #c2185b; }
`;
