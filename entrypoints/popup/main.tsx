import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { PopupApp } from '@/components/popup/popup-app';
import '@/components/theme.css';
import './popup.css';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <PopupApp />
  </ErrorBoundary>,
);
