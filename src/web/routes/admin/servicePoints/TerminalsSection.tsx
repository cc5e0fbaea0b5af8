import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Table } from 'suomifi-ui-components';
import type { RoomView, TerminalView } from '../../../../shared/directory';
import { adminError } from '../common/adminError';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { NameForm } from '../common/NameForm';
import { formatDateTime } from '../common/format';
import { PairingCodeNotice } from './PairingCodeNotice';
import { type PairingCode, useAddTerminal, useNewPairingCode, useRevokeTerminal } from './useServicePointMutations';

/** A room's kiosks: their pairing state, when last seen, new pairing codes and revocation. */
export function TerminalsSection({ room, roomName }: { room: RoomView; roomName: string }) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const add = useAddTerminal(room.id);
  const newCode = useNewPairingCode();
  const revoke = useRevokeTerminal();
  const [code, setCode] = useState<PairingCode>();
  const [revoking, setRevoking] = useState<TerminalView>();
  const terminals = room.terminals ?? [];
  const columns = [
    { key: 'name', labelText: t('terminals.name') },
    { key: 'status', labelText: t('terminals.status') },
    { key: 'lastSeen', labelText: t('terminals.lastSeen') },
    { key: 'actions', labelText: t('terminals.actions') },
  ] as const;
  const showCode = (c: PairingCode) => setCode(c);
  const error = add.error ?? newCode.error ?? revoke.error;

  return (
    <div>
      <Heading variant="h4" id={`${id}-h`} mt="m" mb="xs">
        {t('terminals.heading', { room: roomName })}
      </Heading>
      {terminals.length === 0 ? (
        <p>{t('terminals.empty')}</p>
      ) : (
        <Table
          aria-labelledby={`${id}-h`}
          condensed
          columns={columns}
          data={terminals.map((term) => ({
            id: term.id,
            name: term.name,
            status: t(`terminals.statuses.${term.status}`),
            lastSeen: term.lastSeenAt ? formatDateTime(term.lastSeenAt, i18n.language) : t('terminals.never'),
            actions:
              term.status === 'revoked' ? (
                ''
              ) : (
                <div className="admin-form-actions">
                  <Button
                    variant="secondary"
                    aria-label={t('terminals.newCodeFor', { terminal: term.name })}
                    disabled={newCode.isPending}
                    onClick={() => newCode.mutate(term.id, { onSuccess: showCode })}
                  >
                    {t('terminals.newCode')}
                  </Button>
                  <Button variant="secondary" aria-label={t('terminals.revokeTerminal', { terminal: term.name })} onClick={() => setRevoking(term)}>
                    {t('terminals.revoke')}
                  </Button>
                </div>
              ),
          }))}
        />
      )}
      {code && <PairingCodeNotice code={code} />}
      {!!error && <InlineAlert status="error">{adminError(t, error)}</InlineAlert>}
      {room.active && (
        <NameForm
          label={t('terminals.newName', { room: roomName })}
          submitLabel={t('terminals.add')}
          requiredText={t('validation.required')}
          pending={add.isPending}
          onSubmit={(value, done) =>
            add.mutate(value, {
              onSuccess: (c) => {
                done();
                showCode(c);
              },
            })
          }
        />
      )}
      <ConfirmDialog
        visible={!!revoking}
        title={t('terminals.confirmRevoke.title')}
        body={t('terminals.confirmRevoke.body', { terminal: revoking?.name ?? '' })}
        confirmLabel={t('terminals.revoke')}
        onCancel={() => setRevoking(undefined)}
        onConfirm={() => {
          const target = revoking;
          setRevoking(undefined);
          if (target) revoke.mutate(target.id, { onSuccess: () => code?.terminal.id === target.id && setCode(undefined) });
        }}
      />
    </div>
  );
}
