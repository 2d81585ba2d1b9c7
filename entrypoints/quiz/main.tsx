import { createRoot } from 'react-dom/client';
import { QuizApp } from '@/components/quiz/quiz-app';
import '@/components/theme.css';
import '@/components/quiz/quiz.css';
import { followStore } from '@/lib/browser/store-follow';

createRoot(document.getElementById('root')!).render(<QuizApp />);
// This page's own writes recount the badge and recolour pages even while the background sleeps.
followStore();
