import { describe, expect, it } from 'vitest';
import { paneSettingFromBoxes, type Box } from '../../../../lib/mail/outlook/layout';
import type { PaneSetting } from '../../../../lib/mail/outlook/routes';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });

describe('paneSettingFromBoxes', () => {
  it.each<[string, Box, Box, PaneSetting | null]>([
    ['pane beside the list', box(300, 120, 420, 820), box(720, 120, 900, 820), 'right'],
    ['pane beside, overlapping by a border pixel', box(300, 120, 420, 820), box(719.5, 120, 900, 820), 'right'],
    ['pane below the list', box(300, 120, 1320, 380), box(300, 520, 1320, 420), 'bottom'],
    ['pane below a listbox as tall as all its rows', box(300, 120, 1320, 1900), box(300, 520, 1320, 420), 'bottom'],
    ['pane above the list: not a layout Outlook has', box(300, 520, 1320, 380), box(300, 120, 1320, 380), null],
    ['list not laid out (display: none)', box(0, 0, 0, 0), box(720, 120, 900, 820), null],
    ['pane not laid out', box(300, 120, 420, 820), box(0, 0, 0, 0), null],
    ['boxes side by side the wrong way round', box(720, 120, 900, 820), box(300, 120, 420, 820), null],
  ])('%s', (_label, list, pane, expected) => {
    expect(paneSettingFromBoxes(list, pane)).toBe(expected);
  });
});
