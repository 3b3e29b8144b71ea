import type { RiskLevel } from '../api';
import type { LookupItem } from '../messaging/protocol';
import { t } from '../i18n';
import { describeLevel, describeReason, describeRisk } from '../risk/describe';

/** What a risk badge or banner shows for one address; only clients to watch or at risk get one. */
export interface RiskMark {
  email: string;
  accountId: string;
  accountName: string;
  level: Exclude<RiskLevel, 'ok'>;
  /** Level and every reason in words, for the accessible label and the tooltip. */
  label: string;
  /** The reasons in words, most important first (the order the server gives). */
  reasons: string[];
}

// Answers are kept as objects for the page's life; wording each once keeps re-render passes cheap.
const worded = new WeakMap<LookupItem, RiskMark | null>();
// Many addresses share an account: its level and reasons are put in words once per account and risk.
const wordings = new Map<string, Pick<RiskMark, 'label' | 'reasons'>>();
const WORDINGS_MAX = 500;

/** The mark for a looked-up address, or null: healthy, unknown, excluded and failed lookups show nothing. */
export function riskMarkOf(item: LookupItem | undefined): RiskMark | null {
  if (!item) return null;
  const known = worded.get(item);
  if (known !== undefined) return known;
  const mark = markOf(item);
  worded.set(item, mark);
  return mark;
}

function markOf(item: LookupItem): RiskMark | null {
  if (item.match !== 'contact' && item.match !== 'account-domain') return null;
  const { account } = item;
  const { level, reasons } = account.risk;
  if (level === 'ok') return null;
  return { email: item.email, accountId: account.id, accountName: account.name, level, ...wordingOf(account.name, level, reasons) };
}

function wordingOf(name: string, level: RiskMark['level'], reasons: Parameters<typeof describeRisk>[1]): Pick<RiskMark, 'label' | 'reasons'> {
  const key = JSON.stringify([name, level, reasons]);
  let wording = wordings.get(key);
  if (!wording) {
    // A long session meets few accounts; should it meet many, the oldest wordings go first.
    if (wordings.size >= WORDINGS_MAX) wordings.delete(wordings.keys().next().value as string);
    wording = { label: t('badge_label', name, describeRisk(level, reasons)), reasons: reasons.map(describeReason) };
    wordings.set(key, wording);
  }
  return wording;
}

/** The banner's one line: account, level and the top `max` reasons. */
export function bannerText(mark: RiskMark, max = 2): string {
  return t('banner_text', mark.accountName, describeLevel(mark.level), mark.reasons.slice(0, max).join('; '));
}

/** Whether a lookup answer says this address is someone outside the company worth a sidebar. */
export function isExternal(item: LookupItem | undefined): boolean {
  return item !== undefined && item.match !== 'excluded' && item.match !== 'not-an-address';
}
