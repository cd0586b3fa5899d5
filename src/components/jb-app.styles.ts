/** <jb-app>'s layout: the map filling the page, the side panel over it (a bottom sheet on a phone), status and progress. */
import { css, unsafeCSS } from 'lit';
import { NARROW, PANEL } from '../layout';

const px = (n: number) => unsafeCSS(`${n}px`);

export const styles = css`
  :host { display: block; position: relative; height: 100%; overflow: hidden; font-family: inherit; }
  jb-map { position: absolute; inset: 0; }
  .side { position: absolute; z-index: 2; top: ${px(PANEL.inset)}; left: ${px(PANEL.inset)}; bottom: ${px(PANEL.bottom)}; width: ${px(PANEL.width)}; display: flex; flex-direction: column; gap: 8px; }
  header {
    background: rgb(255 255 255 / 0.96); border-radius: 8px; padding: 10px 14px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  h1 { margin: 0; font-size: 1.25rem; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  header p { margin: 4px 0 0; font-size: 0.8rem; color: #455a64; }
  .actions { display: flex; gap: 6px; }
  .lang, .tour { font: inherit; font-size: 0.8rem; padding: 6px 10px; border: 1px solid #90a4ae; border-radius: 14px; background: #fff; cursor: pointer; min-height: 32px; }
  .tour { border-color: #2e7d32; color: #1b5e20; }
  @media print { jb-map, header, jb-panel, jb-tour, jb-card, .progress { display: none; } :host { height: auto; overflow: visible; } }
  button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
  .status { position: absolute; left: 50%; top: 40%; transform: translateX(-50%); z-index: 4;
    background: #fff; padding: 12px 16px; border-radius: 8px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
  .status[role='alert'] { border-left: 4px solid #c62828; }
  .status button { font: inherit; padding: 6px 12px; margin-left: 8px; cursor: pointer; }
  .progress { position: absolute; top: 0; left: 0; right: 0; height: 3px; z-index: 5; overflow: hidden; }
  /* A moving transform (no repaint of the page), in six steps a cycle: a smooth 60 fps bar
     makes the compositor draw 60 frames a second beside the map's own, which in software
     WebGL delayed the drawn map by ~0.25 s; six steps cost nothing measurable. */
  .progress::after { content: ''; position: absolute; inset: 0; width: 50%; background: linear-gradient(90deg, transparent, #2e7d32, transparent); animation: slide 1.2s steps(6) infinite; }
  @keyframes slide { from { transform: translateX(-100%); } to { transform: translateX(200%); } }
  @media (prefers-reduced-motion: reduce) { .progress { background: #2e7d32; } .progress::after { animation: none; display: none; } }
  @media ${NARROW} {
    .side { display: contents; }
    header { position: absolute; z-index: 2; top: 8px; left: 8px; right: 60px; padding: 8px 10px; }
    header p { display: none; }
    h1 { font-size: 1.05rem; }
    .lang, .tour { min-height: 44px; min-width: 44px; }
  }
`;
