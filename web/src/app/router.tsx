import { createBrowserRouter, Navigate } from 'react-router';
import { AgendaPage } from '../features/agenda/agenda-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { RequireSession } from '../features/auth/require-session.tsx';
import { CashApplicationPage } from '../features/cash-application/cash-application-page.tsx';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page.tsx';
import { CustomerPage } from '../features/customers/customer-page.tsx';
import { CustomersPage } from '../features/customers/customers-page.tsx';
import { DisputePage } from '../features/disputes/dispute-page.tsx';
import { DisputesPage } from '../features/disputes/disputes-page.tsx';
import { DunningPage } from '../features/dunning/dunning-page.tsx';
import { DunningRunPage } from '../features/dunning-run/dunning-run-page.tsx';
import { DisputeAnswerPage } from '../features/dispute-answer/dispute-answer-page.tsx';
import { InvoicePage } from '../features/invoices/invoice-page.tsx';
import { InvoicesPage } from '../features/invoices/invoices-page.tsx';
import { ImportsPage } from '../features/imports/imports-page.tsx';
import { MessagesPage } from '../features/messages/messages-page.tsx';
import { PortalPage } from '../features/portal/portal-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { AreaPage } from './area-page.tsx';
import { COMING_SOON_AREAS } from './areas.ts';
import { NotFoundPage } from './not-found-page.tsx';

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // Opened from a link without an account (issue 10): no session, no staff frame.
    { path: '/portail', element: <PortalPage /> },
    { path: '/reponse', element: <DisputeAnswerPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/customers" replace /> },
        { path: 'customers', element: <CustomersPage /> },
        { path: 'customers/:customerId', element: <CustomerPage /> },
        { path: 'invoices', element: <InvoicesPage /> },
        { path: 'invoices/:invoiceId', element: <InvoicePage /> },
        {
          path: 'imports',
          element: (
            <AreaPage area="imports">
              <ImportsPage />
            </AreaPage>
          ),
        },
        { path: 'cash-application', element: <CashApplicationPage /> },
        { path: 'agenda', element: <AgendaPage /> },
        { path: 'dunning/run', element: <DunningRunPage /> },
        { path: 'dunning', element: <DunningPage /> },
        { path: 'messages', element: <MessagesPage /> },
        { path: 'disputes', element: <DisputesPage /> },
        { path: 'disputes/:disputeId', element: <DisputePage /> },
        ...COMING_SOON_AREAS.map((area) => ({
          path: area.path.slice(1),
          element: <ComingSoonPage area={area.id} />,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
