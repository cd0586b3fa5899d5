/** <jb-map>'s look: MapLibre's own CSS adopted into the shadow root, focus rings, and room for the phone's sheet. */
import { css, unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { NARROW, SHEET } from '../layout';

export const styles = [
  unsafeCSS(maplibreCss),
  css`
    :host { display: block; position: relative; }
    #map { position: absolute; inset: 0; }
    .maplibregl-ctrl button:focus-visible { outline: 3px solid #1565c0; }
    /* Keep the scale bar and attribution above the phone's bottom sheet. */
    @media ${NARROW} { .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right { bottom: ${SHEET.vh}vh; } }
    /* Tap targets on a touch screen: 44 px, as WCAG 2.5.5 asks. */
    @media (pointer: coarse), ${NARROW} { .maplibregl-ctrl-group button { width: 44px; height: 44px; } }
  `,
];
