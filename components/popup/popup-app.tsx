import { sendMessage } from '@/data/messages';

export function PopupApp() {
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>提法</h1>
        <button type="button" onClick={() => void sendMessage('openDashboard', '')} data-testid="open-dashboard">
          学习中心
        </button>
      </header>
      <section>
        <p>
          今日待复习 <strong data-testid="due-count">0</strong> 张
        </p>
      </section>
    </main>
  );
}
