import { useState } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';

import { exportMe } from '../api/me';

/** DataExport downloads every personal datum the store keeps, as JSON. */
export function DataExport() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);

  async function download() {
    setPending(true);
    setFailure(undefined);
    try {
      const data = await exportMe();
      const blob = new Blob([JSON.stringify(data, null, 2)], {
        type: 'application/json',
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'mis-datos.json';
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <FormError error={failure} />
      <div className="flex items-center gap-3">
        <Button variant="secondary" pending={pending} onClick={download}>
          Descargar mis datos
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {done ? 'Descargamos el archivo mis-datos.json.' : ''}
        </p>
      </div>
    </div>
  );
}
