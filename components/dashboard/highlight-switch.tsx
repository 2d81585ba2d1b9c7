import { useEffect, useState, type ReactNode } from 'react';
import { sendMessage, type SiteState } from '@/data/messages';
import { Choice } from '@/components/common/choice';
import { toChineseMessage } from '@/data/db/errors';

/** The global switch for highlighting formulations on web pages (the background keeps it). */
export function HighlightSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [colours, setColours] = useState<boolean | null>(null);
  const [error, setError] = useState('');

  const show = (s: SiteState) => {
    setEnabled(s.globalEnabled);
    setColours(s.stateColours);
  };
  useEffect(() => {
    // Any host gives the global flags; an invalid one is on no list, so nothing else is read.
    sendMessage('getSiteState', 'x.invalid')
      .then(show)
      .catch((err) => setError(toChineseMessage(err)));
  }, []);

  /** Asks the background to change a switch and shows both as it now has them. */
  async function change(ask: () => Promise<SiteState>) {
    setError('');
    try {
      show(await ask());
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  const highlight = (on: boolean) => change(() => sendMessage('setSiteEnabled', { host: '*', enabled: on }));
  const colour = (on: boolean) => change(() => sendMessage('setStateColours', on));

  return (
    <fieldset className="highlight">
      <legend>网页高亮</legend>
      <Switch testId="global-highlight" value={enabled} onChange={highlight}>
        在新闻和政府网站上高亮提法（鼠标移上去可看卡片）
      </Switch>
      <Switch testId="state-colours" value={colours} onChange={colour}>
        在网页上按学习进度着色（学习中、已掌握）
      </Switch>
      <p className="muted small">
        默认关闭：打开后，网页上的脚本可以看出哪些提法你已掌握。关闭时所有提法同色，学习进度只显示在鼠标移上去的卡片里。
      </p>
      <p className="muted small">单个网站的开关在工具栏弹窗里。</p>
      {error ? <p className="error small">{error}</p> : null}
    </fieldset>
  );
}

/** One switch: unavailable (null) until the background has said how it stands. */
function Switch(props: {
  testId: string;
  value: boolean | null;
  onChange: (on: boolean) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <Choice
      type="checkbox"
      className="check"
      testId={props.testId}
      checked={props.value ?? false}
      disabled={props.value === null}
      onChange={(on) => void props.onChange(on)}
    >
      {props.children}
    </Choice>
  );
}
