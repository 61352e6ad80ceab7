import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ZSessionInfo, type TLoginRequest } from '../../../../src/auth/schemas.ts';
import { ApiError, apiSend } from '../../api.ts';
import { describeError, describeIssue } from '../../ui/error-alert.tsx';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { safeNextPage } from './next-page.ts';
import { storeSession, useSessionQuery } from './session.ts';

function fieldError(error: unknown, field: keyof TLoginRequest): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }
  const issue = error.problem.issues?.find((candidate) => candidate.field === field);
  return issue === undefined ? undefined : describeIssue(issue);
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);
  const [searchParams] = useSearchParams();
  const nextPage = safeNextPage(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: (request: TLoginRequest) =>
      apiSend('POST', '/api/auth/login', ZSessionInfo, request),
    onSuccess: async (info) => {
      storeSession(queryClient, info);
      await navigate(nextPage, { replace: true });
    },
  });

  if (session.data && !login.isPending) {
    return <Navigate to={nextPage} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w="100%" maw={400}>
        <Stack gap={4} mb="lg" align="center">
          <Title order={1} size="h2" c="teal.8">
            {t('app.name')}
          </Title>
          <Text size="sm" c="dimmed" fs="italic">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="xs" p="xl" radius="md">
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={2} size="h4">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              {login.isError ? (
                <Alert color="red" variant="light" title={t('login.failed')} role="alert">
                  {describeError(login.error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError(login.error, 'email')}
                data-testid="login-email"
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldError(login.error, 'password')}
                data-testid="login-password"
              />
              <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Center mt="md">
          <LanguageSwitch />
        </Center>
      </Box>
    </Center>
  );
}
