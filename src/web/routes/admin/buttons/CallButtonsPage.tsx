import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import type { ButtonView } from '../../../../shared/assistance';
import type { RoomView } from '../../../../shared/directory';
import { useTitle } from '../../../useTitle';
import { type ButtonCreated, useButtons, useCreateButton, useRevokeButton } from '../../desk/assistance/api';
import { assistanceError } from '../../desk/assistance/assistanceError';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { NameForm } from '../common/NameForm';
import { formatDateTime, localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useServicePoints } from '../common/useDirectory';
import { ButtonToken } from './ButtonToken';
import { PointPicker } from './PointPicker';
import '../../desk/assistance/assistance.css';
import '../../status/status.css';

/** The main admin registers each room's wireless call buttons (the token is shown once) and revokes lost ones. */
export function CallButtonsPage() {
  const { t, i18n } = useTranslation('assistance');
  const points = useServicePoints();
  const [chosen, setChosen] = useState<string>();
  useTitle(t('admin.buttonsTitle'));
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('admin.buttonsTitle')}
      </Heading>
      <Paragraph mb="m">{t('admin.buttonsIntro')}</Paragraph>
      <QueryState query={points}>
        {(all) => {
          const active = all.filter((p) => p.active);
          const point = active.find((p) => p.id === chosen) ?? active[0];
          if (!point) return <p>{t('admin.noPoints')}</p>;
          return (
            <>
              <PointPicker points={active} value={point.id} onChange={setChosen} />
              {point.rooms
                .filter((r) => r.active)
                .map((room) => (
                  <RoomButtons key={room.id} room={room} roomName={localized(room.name, i18n.language)} />
                ))}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function RoomButtons({ room, roomName }: { room: RoomView; roomName: string }) {
  const { t, i18n } = useTranslation('assistance');
  const id = useId();
  const buttons = useButtons(room.id);
  const create = useCreateButton();
  const revoke = useRevokeButton();
  const [created, setCreated] = useState<ButtonCreated>();
  const [revoking, setRevoking] = useState<ButtonView>();
  const error = create.error ?? revoke.error;
  return (
    <section className="admin-room" aria-labelledby={`${id}-h`}>
      <Heading variant="h2" id={`${id}-h`} mb="xs">
        {roomName}
      </Heading>
      <QueryState query={buttons}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('admin.noButtons')}</p>
          ) : (
            <table className="status-table admin-buttons">
              <caption className="assist-sr-only">{t('admin.buttonsOf', { room: roomName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">{t('admin.created')}</th>
                  <th scope="col">{t('admin.lastPressed')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((b) => (
                  <tr key={b.id} data-testid="button-row">
                    <th scope="row">{b.name}</th>
                    <td>{t(`admin.buttonStatus.${b.status}`)}</td>
                    <td>{formatDateTime(b.createdAt, i18n.language)}</td>
                    <td>{b.lastPressedAt ? formatDateTime(b.lastPressedAt, i18n.language) : t('admin.never')}</td>
                    <td>
                      {b.status === 'active' && (
                        <Button variant="secondary" aria-label={t('admin.revokeButton', { button: b.name })} onClick={() => setRevoking(b)}>
                          {t('admin.revoke')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {created && <ButtonToken created={created} />}
      {!!error && <InlineAlert status="error">{assistanceError(t, error)}</InlineAlert>}
      <NameForm
        label={t('admin.newButton', { room: roomName })}
        submitLabel={t('admin.register')}
        requiredText={t('admin.required')}
        pending={create.isPending}
        onSubmit={(value, done) =>
          create.mutate(
            { roomId: room.id, name: value },
            {
              onSuccess: (c) => {
                done();
                setCreated(c);
              },
            },
          )
        }
      />
      <ConfirmDialog
        visible={!!revoking}
        title={t('admin.confirmRevokeTitle')}
        body={t('admin.confirmRevokeBody', { button: revoking?.name ?? '' })}
        confirmLabel={t('admin.revoke')}
        onCancel={() => setRevoking(undefined)}
        onConfirm={() => {
          const target = revoking;
          setRevoking(undefined);
          if (target) revoke.mutate(target.id, { onSuccess: () => created?.button.id === target.id && setCreated(undefined) });
        }}
      />
    </section>
  );
}
