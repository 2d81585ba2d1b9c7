import { createRoot } from 'react-dom/client';
import { QuizApp } from '@/components/quiz/quiz-app';
import '@/components/theme.css';
import '@/components/quiz/quiz.css';

createRoot(document.getElementById('root')!).render(<QuizApp />);
