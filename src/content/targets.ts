/**
 * National targets the coverage panel compares against (see shared plan facts):
 * GB/T 51346-2019 §4.3.4 — residential land within 500 m of park green space or squares > 90 %;
 * GB 55014-2021 §2.1.3 — park green space service-radius coverage > 80 %.
 * Street gardens (街头绿园) and parks are park green space, so the 80 % target applies to both.
 */
import type { Tier } from '../api';
import type { MessageKey } from './messages';

export const TARGETS: Record<Tier, { pct: number; label: MessageKey }> = {
  leisure: { pct: 90, label: 'target500' },
  garden: { pct: 80, label: 'target80' },
  park: { pct: 80, label: 'target80' },
};

export const TIER_LABEL: Record<Tier, MessageKey> = { leisure: 'tierLeisure', garden: 'tierGarden', park: 'tierPark' };
