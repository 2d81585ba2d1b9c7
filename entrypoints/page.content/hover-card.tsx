// Hovering a highlighted term for a moment (or Alt+Shift+T from the keyboard) opens its card
// in a shadow root; Esc closes it, arrows or "下一个" move to the next term. Each term seen is
// one TermHit; its details come from the background (getTermCard), never from a database here.
// HoverCard renders the open card; HoverCards holds which card is open; trackPointer and
// onCardKeys turn the user's pointer and keys into show/close; startHoverCard wires them.
import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TermCard, type Rating } from '@/components/content/term-card';
import cardCss from '@/components/content/term-card.css?inline';
import { sendMessage, type TermCardInfo } from '@/data/messages';
import type { TifaPage } from './page';
import { hitAt, inDocumentOrder, placeNear, scrollToHit } from './hit-test';
import type { TermHit } from './scan';

const SHOW_AFTER_MS = 250;
const HIDE_AFTER_MS = 300;
const HOST = 'tifa-hover-card';

interface Open {
  hit: TermHit;
  info: TermCardInfo | null | undefined;
  focus: boolean;
  /** Where focus was before the keyboard opened the card, to give it back. */
  returnFocus: Element | null;
}

type CardUi = ShadowRootContentScriptUi<Root>;

export function startHoverCard(page: TifaPage): void {
  const { signal, contain } = page;
  const cards = new HoverCards(page);
  const pointer = trackPointer(page, cards);
  const options = { signal, passive: true };
  document.addEventListener('pointermove', contain.guard('hover-card', pointer.onPointerMove), options);
  window.addEventListener('keydown', contain.guard('hover-card', onCardKeys(cards)), { signal, capture: true });
  window.addEventListener('scroll', contain.guard('hover-card', cards.onScroll), { ...options, capture: true });
  signal.addEventListener('abort', () => {
    pointer.stop();
    cards.remove();
  });
}

interface HoverCardProps {
  open: Open;
  onRate(cardId: string, rating: Rating): Promise<void>;
  onAddToStudy(noteId: string): Promise<void>;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

/** The open term's card, placed next to it; a new key per occurrence starts the card afresh. */
function HoverCard({ open, onRate, onAddToStudy, onStep, onClose }: HoverCardProps) {
  const { hit, info, focus } = open;
  return (
    <TermCard
      key={keyOf(hit)}
      term={textOf(hit)}
      info={info}
      focus={focus}
      position={placeNear(hit)}
      now={new Date()}
      onRate={onRate}
      onAddToStudy={onAddToStudy}
      onStep={onStep}
      onClose={onClose}
    />
  );
}

// React DOM is set up on the first card, not on every page load: its module takes a few
// milliseconds to initialise, and most pages are read without opening a card.
function mountCardUi(ctx: ContentScriptContext): Promise<CardUi> {
  return import('react-dom/client')
    .then(({ createRoot }) =>
      createShadowRootUi(ctx, {
        name: HOST,
        // Closed: a page script cannot reach into the card, read it or click its buttons.
        mode: 'closed',
        position: 'inline',
        // After <body>, not in it: the page's body keeps exactly its own content.
        anchor: document.documentElement,
        css: cardCss,
        onMount: (container) => createRoot(container),
        onRemove: (root) => root?.unmount(),
      }),
    )
    .then((created) => {
      created.mount();
      return created;
    });
}

/** Which term's card is open (at most one), its details as the background gave them, and the UI showing it. */
class HoverCards {
  open: Open | undefined;
  private ui: Promise<CardUi> | undefined;
  private readonly infos = new Map<string, Promise<TermCardInfo | null>>();
  private scrollFrame = 0;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly page: TifaPage) {}

  show(hit: TermHit, focus: boolean): void {
    this.keep();
    const returnFocus = this.open?.returnFocus ?? (focus ? document.activeElement : null);
    const current: Open = { hit, info: undefined, focus, returnFocus };
    this.open = current;
    if (focus) scrollToHit(hit);
    const noteId = this.noteOf(hit);
    if (noteId) {
      this.infoOf(noteId)
        .then((info) => {
          if (this.open === current) {
            current.info = info;
            this.rerender();
          }
        })
        .catch((error: unknown) => {
          this.infos.delete(noteId);
          this.page.contain.report('hover-card', error);
        });
    }
    this.rerender();
  }

  close = (): void => {
    if (!this.open) return;
    const back = this.open.focus ? this.open.returnFocus : null;
    this.open = undefined;
    this.infos.clear(); // the card may be reviewed elsewhere before it opens again
    this.rerender();
    if (back instanceof HTMLElement) back.focus();
  };

  step = (direction: 1 | -1): void => {
    const ordered = inDocumentOrder(this.page.layer.hits());
    if (ordered.length === 0) return;
    const at = this.open ? ordered.indexOf(this.open.hit) : -1;
    const next =
      at < 0
        ? ordered[direction > 0 ? 0 : ordered.length - 1]
        : ordered[(at + direction + ordered.length) % ordered.length];
    this.show(next, true);
  };

  /** The pointer left the term: close soon, unless it comes back (keep) or the card has focus. */
  closeSoon(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(this.page.contain.guard('hover-card', this.close), HIDE_AFTER_MS);
  }

  keep(): void {
    clearTimeout(this.hideTimer);
  }

  onScroll = (): void => {
    if (!this.open || this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.rerender();
    });
  };

  remove(): void {
    clearTimeout(this.hideTimer);
    cancelAnimationFrame(this.scrollFrame);
    void this.ui?.then((created) => created.remove());
  }

  private noteOf(hit: TermHit): string | undefined {
    return this.page.index.noteIds[hit.id]?.[0];
  }

  private infoOf(noteId: string): Promise<TermCardInfo | null> {
    let info = this.infos.get(noteId);
    if (!info) this.infos.set(noteId, (info = sendMessage('getTermCard', noteId)));
    return info;
  }

  /** A rating or 加入学习 answered with the card's new details: show them if it is still open. */
  private update(info: TermCardInfo | null): void {
    if (!info) throw new Error('没有找到这张卡片，请稍后再试。');
    this.infos.set(info.noteId, Promise.resolve(info));
    if (this.open && this.noteOf(this.open.hit) === info.noteId) {
      this.open.info = info;
      this.rerender();
    }
  }

  private rerender(): void {
    void this.render().catch((error: unknown) => this.page.contain.report('hover-card', error));
  }

  private async render(): Promise<void> {
    const { mounted } = await (this.ui ??= mountCardUi(this.page.ctx));
    const open = this.open;
    if (!open) {
      mounted?.render(null);
      return;
    }
    const ticket = open.info?.ticket ?? '';
    mounted?.render(
      <HoverCard
        open={open}
        onRate={async (cardId, rating) => this.update(await sendMessage('rateFromPage', { cardId, rating, ticket }))}
        onAddToStudy={async (noteId) => this.update(await sendMessage('addToStudy', { noteId, ticket }))}
        onStep={this.step}
        onClose={this.close}
      />,
    );
  }
}

/** Pointer: one hit test per animation frame at most; a card opens after a short rest on a term, closes after leaving it. */
function trackPointer({ layer, contain }: TifaPage, cards: HoverCards) {
  let frame = 0;
  let pending: TermHit | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let pointer = { x: 0, y: 0, overCard: false };

  const track = () => {
    frame = 0;
    if (pointer.overCard) {
      cards.keep();
      return;
    }
    const open = cards.open;
    const hit = hitAt(layer.piecesIn.bind(layer), pointer.x, pointer.y);
    if (hit && hit === open?.hit) {
      cards.keep();
      pending = undefined;
      clearTimeout(showTimer);
      return;
    }
    if (hit !== pending) {
      pending = hit;
      clearTimeout(showTimer);
      if (hit)
        showTimer = setTimeout(
          contain.guard('hover-card', () => pending === hit && cards.show(hit, false)),
          SHOW_AFTER_MS,
        );
    }
    if (!hit && open && !open.focus) cards.closeSoon();
  };

  return {
    onPointerMove(event: PointerEvent) {
      if (!event.isTrusted) return; // the page's own synthetic events open nothing
      pointer = { x: event.clientX, y: event.clientY, overCard: (event.target as Element | null)?.localName === HOST };
      if (!frame) frame = requestAnimationFrame(contain.guard('hover-card', track));
    },
    stop() {
      clearTimeout(showTimer);
      cancelAnimationFrame(frame);
    },
  };
}

/** Alt+Shift+T opens (or focuses) a card from the keyboard; Esc closes it. Only the user's own keys. */
function onCardKeys(cards: HoverCards) {
  return (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    const open = cards.open;
    if (event.altKey && event.shiftKey && event.code === 'KeyT') {
      event.preventDefault();
      if (open && !open.focus) cards.show(open.hit, true);
      else if (!open) cards.step(1);
      return;
    }
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      cards.close();
    }
  };
}

const keys = new WeakMap<TermHit, number>();
let lastKey = 0;
/** A React key per occurrence, so the card starts afresh on another term. */
function keyOf(hit: TermHit): number {
  let key = keys.get(hit);
  if (key === undefined) keys.set(hit, (key = ++lastKey));
  return key;
}

function textOf(hit: TermHit): string {
  return hit.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('');
}
