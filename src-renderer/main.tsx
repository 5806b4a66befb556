import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { selectBridge } from './bridge/select-bridge';
import './styles.css';
import './styles/views.css';
import './styles/trade-log.css';
import './styles/settings.css';
import './styles/backtest.css';

const bridge = selectBridge();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
