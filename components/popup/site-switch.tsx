import { useEffect, useState } from 'react';
import { sendMessage, type SiteState } from '@/data/messages';
import { toChineseMessage } from '@/data/db/errors';
import { TERM_STATE_LABELS } from '@/data/vocab/card-states';

async function activeHost(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return undefined;
  const url = new URL(tab.url);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined;
}

/** "在本站高亮": turns highlighting on or off for the site in the active tab. */
export function SiteSwitch() {
  const [site, setSite] = useState<SiteState | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    activeHost()
      .then((host) => (host ? sendMessage('getSiteState', host) : null))
      .then(setSite)
      .catch(() => setSite(null));
  }, []);

  if (!site) return null;

  async function toggle(enabled: boolean) {
    if (!site) return;
    setError('');
    try {
      // A site off the default list needs its own host permission; the browser asks the user.
      if (enabled && !site.listed) {
        const granted = await browser.permissions.request({ origins: [`*://${site.host}/*`] });
        if (!granted) {
          setError('没有获得本站的访问权限，无法高亮。');
          return;
        }
      }
      // The switch moves at once; the background's answer then settles it.
      setSite({ ...site, enabled });
      setSite(await sendMessage('setSiteEnabled', { host: site.host, enabled }));
    } catch (err) {
      setSite(site);
      setError(toChineseMessage(err));
    }
  }

  return (
    <div className="site-switch">
      <label>
        <input
          type="checkbox"
          data-testid="site-switch"
          checked={site.enabled}
          disabled={!site.globalEnabled}
          onChange={(e) => void toggle(e.target.checked)}
        />
        在本站高亮（{site.host}）
      </label>
      {!site.globalEnabled ? <span className="muted small">已在所有网站关闭高亮</span> : null}
      {site.enabled ? (
        <span className="legend small" data-testid="highlight-legend" aria-label="网页上提法的颜色">
          <span className="muted">网页上的颜色：</span>
          {site.stateColours ? (
            <>
              <span className="swatch new">未学</span>
              <span className="swatch learning">{TERM_STATE_LABELS.learning}</span>
              <span className="swatch known">{TERM_STATE_LABELS.known}</span>
            </>
          ) : (
            <>
              <span className="swatch new">提法</span>
              <span className="muted">学习进度见鼠标移上去的卡片</span>
            </>
          )}
        </span>
      ) : null}
      {error ? <span className="error small">{error}</span> : null}
    </div>
  );
}
