import { useEffect, useState } from 'react';
import { sendMessage } from '@/data/messages';
import { toChineseMessage } from '@/data/db/errors';

/** The global switch for highlighting formulations on web pages (the background keeps it). */
export function HighlightSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [colours, setColours] = useState<boolean | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    // Any host gives the global flags; an invalid one is on no list, so nothing else is read.
    sendMessage('getSiteState', 'x.invalid')
      .then((s) => {
        setEnabled(s.globalEnabled);
        setColours(s.stateColours);
      })
      .catch((err) => setError(toChineseMessage(err)));
  }, []);

  async function toggleColours(on: boolean) {
    setError('');
    try {
      setColours((await sendMessage('setStateColours', on)).stateColours);
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  async function toggle(on: boolean) {
    setError('');
    try {
      setEnabled((await sendMessage('setSiteEnabled', { host: '*', enabled: on })).globalEnabled);
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  return (
    <fieldset className="highlight">
      <legend>网页高亮</legend>
      <label className="check">
        <input
          type="checkbox"
          data-testid="global-highlight"
          checked={enabled ?? false}
          disabled={enabled === null}
          onChange={(e) => void toggle(e.target.checked)}
        />
        在新闻和政府网站上高亮提法（鼠标移上去可看卡片）
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="state-colours"
          checked={colours ?? false}
          disabled={colours === null}
          onChange={(e) => void toggleColours(e.target.checked)}
        />
        在网页上按学习进度着色（学习中、已掌握）
      </label>
      <p className="muted small">
        默认关闭：打开后，网页上的脚本可以看出哪些提法你已掌握。关闭时所有提法同色，学习进度只显示在鼠标移上去的卡片里。
      </p>
      <p className="muted small">单个网站的开关在工具栏弹窗里。</p>
      {error ? <p className="error small">{error}</p> : null}
    </fieldset>
  );
}
