import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from 'suomifi-ui-components';

type Props = {
  visible: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
};

/** Asks before an action that cannot simply be undone (deactivation, revocation). */
export function ConfirmDialog({ visible, title, body, confirmLabel, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const id = useId();
  return (
    <Modal appElementId="root" visible={visible} onEscKeyDown={onCancel} ariaLabelledBy={`${id}-title`}>
      <ModalContent>
        <ModalTitle id={`${id}-title`}>{title}</ModalTitle>
        <Paragraph>{body}</Paragraph>
      </ModalContent>
      <ModalFooter>
        <Button onClick={onConfirm}>{confirmLabel}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
