import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { apiFieldErrors, isEmail, isPhone } from './form-errors';

describe('apiFieldErrors', () => {
  it('joins the messages of a field and starts them with a capital', () => {
    const error = new ApiError({
      status: 422,
      code: 'invalid',
      message: 'datos no válidos',
      fields: [
        { field: 'password', message: 'debe incluir un número' },
        { field: 'password', message: 'debe incluir un símbolo, como ! o #' },
        { field: 'email', message: 'no es un correo válido' },
      ],
    });

    expect(apiFieldErrors(error)).toEqual({
      password: 'Debe incluir un número; debe incluir un símbolo, como ! o #.',
      email: 'No es un correo válido.',
    });
  });

  it('has nothing for other errors', () => {
    expect(apiFieldErrors(new Error('x'))).toEqual({});
  });
});

describe('isEmail and isPhone', () => {
  it.each([
    ['ana@ejemplo.cl', true],
    ['ana@ejemplo', false],
    ['ana ejemplo.cl', false],
  ])('isEmail(%j) is %j', (value, ok) => expect(isEmail(value)).toBe(ok));

  it.each([
    ['+56912345678', true],
    ['9 1234 5678', true],
    ['12', false],
    ['+56abc', false],
  ])('isPhone(%j) is %j', (value, ok) => expect(isPhone(value)).toBe(ok));
});
