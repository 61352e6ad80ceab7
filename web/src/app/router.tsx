import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AgendaPage } from '../features/agenda/agenda-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { RequireSession } from '../features/auth/require-session.tsx';
import { CashApplicationPage } from '../features/cash-application/cash-application-page.tsx';
import { ComingSoonPage } from '../features/coming-soon/coming-soon-page.tsx';
import { CustomerPage } from '../features/customers/customer-page.tsx';
import { CustomersPage } from '../features/customers/customers-page.tsx';
import { InvoicePage } from '../features/invoices/invoice-page.tsx';
import { InvoicesPage } from '../features/invoices/invoices-page.tsx';
import { ImportsPage } from '../features/imports/imports-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { AreaPage } from './area-page.tsx';
import { COMING_SOON_AREAS } from './areas.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * A page fetched when first opened: the link pages (a customer's portal, a department's
 * answer) never download the staff screens, and the staff's first screen does not carry
 * the pages (and the charts) it may never open.
 */
function lazyPage(load: () => Promise<ComponentType>) {
  return { lazy: async () => ({ Component: await load() }) };
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // Opened from a link without an account (issue 10): no session, no staff frame.
    {
      path: '/portail',
      ...lazyPage(async () => (await import('../features/portal/portal-page.tsx')).PortalPage),
    },
    {
      path: '/reponse',
      ...lazyPage(
        async () =>
          (await import('../features/dispute-answer/dispute-answer-page.tsx')).DisputeAnswerPage,
      ),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/customers" replace /> },
        {
          path: 'dashboard',
          ...lazyPage(
            async () => (await import('../features/dashboard/dashboard-page.tsx')).DashboardPage,
          ),
        },
        {
          path: 'dashboard/invoices',
          ...lazyPage(
            async () => (await import('../features/dashboard/aged-cell-page.tsx')).AgedCellPage,
          ),
        },
        {
          path: 'dashboard/forecast',
          ...lazyPage(
            async () =>
              (await import('../features/dashboard/forecast-week-page.tsx')).ForecastWeekPage,
          ),
        },
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
        {
          path: 'credit/held-orders',
          ...lazyPage(
            async () => (await import('../features/credit/held-orders-page.tsx')).HeldOrdersPage,
          ),
        },
        { path: 'agenda', element: <AgendaPage /> },
        {
          path: 'dunning/run',
          ...lazyPage(
            async () =>
              (await import('../features/dunning-run/dunning-run-page.tsx')).DunningRunPage,
          ),
        },
        {
          path: 'dunning',
          ...lazyPage(
            async () => (await import('../features/dunning/dunning-page.tsx')).DunningPage,
          ),
        },
        {
          path: 'messages',
          ...lazyPage(
            async () => (await import('../features/messages/messages-page.tsx')).MessagesPage,
          ),
        },
        {
          path: 'disputes',
          ...lazyPage(
            async () => (await import('../features/disputes/disputes-page.tsx')).DisputesPage,
          ),
        },
        {
          path: 'disputes/:disputeId',
          ...lazyPage(
            async () => (await import('../features/disputes/dispute-page.tsx')).DisputePage,
          ),
        },
        ...COMING_SOON_AREAS.map((area) => ({
          path: area.path.slice(1),
          element: <ComingSoonPage area={area.id} />,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
