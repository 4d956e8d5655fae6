// SPDX-License-Identifier: MIT
type Fn = () => void | Promise<void>;
type Suite = (name: string, fn: () => void) => void;
type Test = (name: string, fn: Fn) => void;
type Hook = (fn: Fn) => void;
export declare const describe: Suite;
export declare const it: Test;
export declare const before: Hook;
export declare const after: Hook;
export declare const beforeEach: Hook;
export declare const afterEach: Hook;
