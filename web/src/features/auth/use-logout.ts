import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiSendNoContent } from '../../api.ts';
import { storeSession } from './session.ts';

/** Ends the session on the server, forgets every cached answer and goes back to the login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiSendNoContent('POST', '/api/auth/logout'),
    onSettled: async () => {
      queryClient.clear();
      storeSession(queryClient, null);
      await navigate('/login', { replace: true });
    },
  });
}
