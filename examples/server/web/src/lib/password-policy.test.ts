import { describe, expect, it } from 'vitest';

import { passwordProblem, passwordRules } from './password-policy';

describe('passwordRules', () => {
  it.each([
    ['Corta1!', ['length']],
    ['sinmayuscula1!', ['upper']],
    ['SINMINUSCULA1!', ['lower']],
    ['SinNumeros!!', ['digit']],
    ['SinSimbolo123', ['symbol']],
    ['Ñandú#2024', []],
    ['', ['length', 'upper', 'lower', 'digit', 'symbol']],
  ])('%j misses %j', (password, missing) => {
    const failed = passwordRules
      .filter((rule) => !rule.test(password))
      .map((rule) => rule.id);
    expect(failed).toEqual(missing);
  });
});

describe('passwordProblem', () => {
  it('names what is missing, in Spanish', () => {
    expect(passwordProblem('abcdefgh')).toBe(
      'Le falta: una letra mayúscula, un número, un símbolo, como ! o #.',
    );
  });

  it('asks for a password when there is none', () => {
    expect(passwordProblem('')).toBe('Ingresa una contraseña.');
  });

  it('refuses one longer than the server takes', () => {
    expect(passwordProblem('Aa1!' + 'x'.repeat(125))).toMatch(/máximo 128/);
  });

  it('accepts one that follows every rule', () => {
    expect(passwordProblem('Segura#2026')).toBeUndefined();
  });
});
