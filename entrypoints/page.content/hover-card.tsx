// Hovering a highlighted term for a moment (or Alt+Shift+T from the keyboard) opens its card
// in a shadow root; Esc closes it, arrows or "下一个" move to the next term. Each term seen is
// one TermHit; its details come from the background (getTermCard), never from a database here.
import type { Root } from 'react-dom/client';
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

export function startHoverCard(page: TifaPage): void {
  const { ctx, signal, index, layer, contain } = page;
  const infos = new Map<string, Promise<TermCardInfo | null>>();
  let ui: Promise<ShadowRootContentScriptUi<Root>> | undefined;
  let open: Open | undefined;
  let pending: TermHit | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const noteOf = (hit: TermHit) => index.noteIds[hit.id]?.[0];
  const infoOf = (noteId: string) => {
    let info = infos.get(noteId);
    if (!info) infos.set(noteId, (info = sendMessage('getTermCard', noteId)));
    return info;
  };

  // React DOM is set up on the first card, not on every page load: its module takes a few
  // milliseconds to initialise, and most pages are read without opening a card.
  const mountUi = () =>
    (ui ??= import('react-dom/client')
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
      }));

  const render = async () => {
    const { mounted } = await mountUi();
    if (!open) {
      mounted?.render(null);
      return;
    }
    const { hit, info, focus } = open;
    mounted?.render(
      <TermCard
        key={keyOf(hit)}
        term={textOf(hit)}
        info={info}
        focus={focus}
        position={placeNear(hit)}
        now={new Date()}
        onRate={async (cardId: string, rating: Rating) => update(await sendMessage('rateFromPage', { cardId, rating, ticket: info?.ticket ?? '' }))}
        onAddToStudy={async (noteId: string) => update(await sendMessage('addToStudy', { noteId, ticket: info?.ticket ?? '' }))}
        onStep={(direction) => step(direction)}
        onClose={() => close()}
      />,
    );
  };

  const update = (info: TermCardInfo | null) => {
    if (!info) throw new Error('没有找到这张卡片，请稍后再试。');
    infos.set(info.noteId, Promise.resolve(info));
    if (open && noteOf(open.hit) === info.noteId) {
      open.info = info;
      void render();
    }
  };

  const show = (hit: TermHit, focus: boolean) => {
    clearTimeout(hideTimer);
    const returnFocus = open?.returnFocus ?? (focus ? document.activeElement : null);
    open = { hit, info: undefined, focus, returnFocus };
    if (focus) scrollToHit(hit);
    const noteId = noteOf(hit);
    const current = open;
    if (noteId) {
      infoOf(noteId)
        .then((info) => {
          if (open === current) {
            current.info = info;
            void render().catch((error: unknown) => contain.report('hover-card', error));
          }
        })
        .catch((error: unknown) => {
          infos.delete(noteId);
          contain.report('hover-card', error);
        });
    }
    void render().catch((error: unknown) => contain.report('hover-card', error));
  };

  const close = () => {
    if (!open) return;
    const back = open.focus ? open.returnFocus : null;
    open = undefined;
    infos.clear(); // the card may be reviewed elsewhere before it opens again
    void render().catch((error: unknown) => contain.report('hover-card', error));
    if (back instanceof HTMLElement) back.focus();
  };

  const step = (direction: 1 | -1) => {
    const ordered = inDocumentOrder(layer.hits());
    if (ordered.length === 0) return;
    const at = open ? ordered.indexOf(open.hit) : -1;
    const next = at < 0 ? ordered[direction > 0 ? 0 : ordered.length - 1] : ordered[(at + direction + ordered.length) % ordered.length];
    show(next, true);
  };

  // Pointer: one hit test per animation frame at most.
  let frame = 0;
  let pointer = { x: 0, y: 0, overCard: false };
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted) return; // the page's own synthetic events open nothing
    pointer = { x: event.clientX, y: event.clientY, overCard: (event.target as Element | null)?.localName === HOST };
    if (!frame) frame = requestAnimationFrame(contain.guard('hover-card', track));
  };
  const track = () => {
    frame = 0;
    if (pointer.overCard) {
      clearTimeout(hideTimer);
      return;
    }
    const hit = hitAt(layer.piecesIn.bind(layer), pointer.x, pointer.y);
    if (hit && hit === open?.hit) {
      clearTimeout(hideTimer);
      pending = undefined;
      clearTimeout(showTimer);
      return;
    }
    if (hit !== pending) {
      pending = hit;
      clearTimeout(showTimer);
      if (hit) showTimer = setTimeout(contain.guard('hover-card', () => pending === hit && show(hit, false)), SHOW_AFTER_MS);
    }
    if (!hit && open && !open.focus) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(contain.guard('hover-card', close), HIDE_AFTER_MS);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.altKey && event.shiftKey && event.code === 'KeyT') {
      event.preventDefault();
      if (open && !open.focus) show(open.hit, true);
      else if (!open) step(1);
      return;
    }
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  let scrollFrame = 0;
  const onScroll = () => {
    if (!open || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      void render().catch((error: unknown) => contain.report('hover-card', error));
    });
  };

  const options = { signal, passive: true };
  document.addEventListener('pointermove', contain.guard('hover-card', onPointerMove), options);
  window.addEventListener('keydown', contain.guard('hover-card', onKeyDown), { signal, capture: true });
  window.addEventListener('scroll', contain.guard('hover-card', onScroll), { ...options, capture: true });
  signal.addEventListener('abort', () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    cancelAnimationFrame(frame);
    cancelAnimationFrame(scrollFrame);
    void ui?.then((created) => created.remove());
  });
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
