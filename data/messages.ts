// The one message protocol between content scripts, extension pages and the background.
// Every message is declared here once; handlers live in entrypoints/background.ts.
// Errors travel back as rejected promises whose message is Chinese text fit for the user.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TermIndex } from './match/index-terms';
import type { StudiedState } from './match/term-states';
import type { CardStateName } from './vocab/card-states';
import type { NoteKind } from './vocab/kinds';
import type { SyncSummary } from '@/lib/sync/run';

export interface PingResult {
  version: string;
}

export type { CardStateName } from './vocab/card-states';

/** What the hover card shows for a term on a page. */
export interface TermCardInfo {
  noteId: string;
  kind: NoteKind;
  name: string;
  members?: string[];
  definition?: string;
  /** Which parts came from the curated glossary rather than a document, in Chinese ("成员来自词表（文件中未列出）。出处：…"). */
  glossaryNote?: string;
  /** Where the note stands in documents: a date the engine doubts (`dateUnverified`) is shown as 日期待核实. */
  evidence: Array<{
    sourceTitle: string;
    sourceDate?: string;
    dateUnverified?: boolean;
    quote: string;
    marks?: Array<[number, number]>;
  }>;
  /** The note's main card, when the note has cards in the store. */
  card?: {
    id: string;
    prompt: string;
    answer: string;
    state: CardStateName;
    /** ISO date-time of the next review */
    due: string;
    suspended: boolean;
    /** Short Chinese labels of the next interval for 重来/困难/良好/简单 */
    intervals: [string, string, string, string];
  };
  /** True when the user studies this note (its cards are in the review queue). */
  inStudy: boolean;
  /** How often the term was seen on pages, and when last. */
  seen?: { count: number; last: string };
  /** Chinese descriptions of unresolved conflicts touching this note. */
  conflicts?: string[];
  /** One-time permission to rate this card or add it to study, issued to the tab it opened in. */
  ticket?: string;
}

export interface SiteState {
  host: string;
  /** Highlighting on this site (default list or turned on by the user), and not turned off. */
  enabled: boolean;
  /** The site is on the default list of news and government sites. */
  listed: boolean;
  /** The global switch. */
  globalEnabled: boolean;
  /** Terms coloured by study state (opt-in: page scripts can read the colours). */
  stateColours: boolean;
}

export interface SelectionCardRequest {
  /** The sentence around the selection, as it stands on the page. */
  sentence: string;
  /** The selected text: the part to blank out (a number or chosen words). */
  selection: string;
  pageTitle: string;
  url: string;
}

/** What 学习中心 → 设置 → 同步 shows; never the password. */
export interface SyncStatus {
  enabled: boolean;
  url?: string;
  user?: string;
  running: boolean;
  /** ISO time of the last sync that went through (上次同步). */
  lastAt?: string;
  /** What it changed. */
  summary?: SyncSummary;
  /** The last sync's failure, in Chinese. */
  error?: string;
}

export interface SyncSetup {
  url: string;
  user: string;
  password: string;
}

interface ProtocolMap {
  /** Liveness and version check, used by pages and tests. */
  ping(): PingResult;
  /** Opens (or focuses) the dashboard tab, optionally at a section like "#cards". */
  openDashboard(hash?: string): void;
  /** Opens (or focuses) the quiz page (学习会测验). */
  openQuiz(): void;
  /** The compact term index for the page matcher; null while the deck is not loaded. */
  getTermIndex(): TermIndex | null;
  /** Notes being learned or known, for colouring their terms (notes not listed are new). */
  getTermStates(): Record<string, StudiedState>;
  /** Details for the hover card. */
  getTermCard(noteId: string): TermCardInfo | null;
  /** Rates the note's card from the hover card ("现在复习"); 1 = 重来 … 4 = 简单. */
  rateFromPage(data: { cardId: string; rating: 1 | 2 | 3 | 4; ticket: string }): TermCardInfo | null;
  /** Puts a note's cards into the study queue ("加入学习"), with the open card's ticket. */
  addToStudy(data: { noteId: string; ticket: string }): TermCardInfo | null;
  /** Records that these notes' terms were seen on a page (count and last seen; never a grade). */
  recordSighting(noteIds: string[]): void;
  /** Whether highlighting runs on a host. */
  getSiteState(host: string): SiteState;
  /** Turns highlighting on or off for one host, or globally when host is "*". */
  setSiteEnabled(data: { host: string; enabled: boolean }): SiteState;
  /** Turns colouring by study state on pages on or off (everywhere). */
  setStateColours(enabled: boolean): SiteState;
  /** Makes a cloze card from selected text; returns the new card's prompt. */
  makeCardFromSelection(data: SelectionCardRequest): { cardId: string; prompt: string };
  /** Background → content script of a tab: the selection there and the sentence around it. */
  readSelection(): SelectionCardRequest | null;
  /** Sync through the user's WebDAV folder (docs/sync.md). */
  getSyncStatus(): SyncStatus;
  /** Tests the folder (the page asked for the host permission first), saves it, turns sync on and syncs. */
  setupSync(data: SyncSetup): SyncStatus;
  syncNow(): SyncStatus;
  /** Turns sync off and forgets the password; nothing in the store changes. */
  stopSync(): SyncStatus;
  /** Background → content script of a tab: a short notice in the page's corner. */
  showPageNotice(data: { message: string; kind: 'done' | 'error' }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
