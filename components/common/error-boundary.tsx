import { Component, type ReactNode } from 'react';
import { toChineseMessage } from '@/data/db/errors';

interface State {
  error?: unknown;
}

/**
 * Whatever breaks while rendering (an unreadable database, a newer schema, a full disk) is shown
 * as one Chinese sentence with a way out; the stored data itself is never touched here.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div className="error" role="alert" data-testid="fatal-error">
        <p>{toChineseMessage(this.state.error)}</p>
        <p className="small">你的学习进度仍保存在浏览器中，没有丢失。</p>
        <button type="button" onClick={() => location.reload()}>
          重新载入
        </button>
      </div>
    );
  }
}
