import { describe, expect, it } from "vitest";
import { demoAccounts } from "../../prisma/seed";
import { checkPasswordPolicy } from "./password-policy";

describe("the password policy", () => {
  it("refuses fewer than 10 characters and accepts exactly 10", () => {
    expect(checkPasswordPolicy("123456789")).toBe("tooShort");
    expect(checkPasswordPolicy("")).toBe("tooShort");
    expect(checkPasswordPolicy("1234567890")).toBeNull();
  });

  it("refuses every demo password, whatever the case or surrounding spaces", () => {
    for (const account of demoAccounts) {
      expect(checkPasswordPolicy(account.password), account.email).toBe("published");
      expect(checkPasswordPolicy(` ${account.password.toUpperCase()} `), account.email).toBe("published");
    }
  });

  it("refuses passwords longer than sign-in accepts", () => {
    expect(checkPasswordPolicy("x".repeat(201))).toBe("tooLong");
    expect(checkPasswordPolicy("x".repeat(200))).toBeNull();
  });
});
