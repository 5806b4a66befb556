import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src-shared/domain/strategy';
import { CastVotes } from '../../../src-main/engine/ensemble/cast-votes';

const buy = (reason: string): Signal => ({ instrument: 'A', action: 'buy', confidence: 0.5, reason });

describe('CastVotes', () => {
  it('casts the same vote object for the same signal object at the same place, a new one otherwise', () => {
    const votes = new CastVotes(2);
    const standing = buy('standing');
    const first = votes.voteFor(0, 's0', 0, standing);
    expect(first).toEqual({ strategyId: 's0', ...standing });
    expect(votes.voteFor(0, 's0', 0, standing)).toBe(first);
    // Another strategy, or another position, has its own vote.
    expect(votes.voteFor(1, 's1', 0, standing)).not.toBe(first);
    expect(votes.voteFor(0, 's0', 1, standing)).not.toBe(first);
    // An equal but new signal object casts a new vote (identity, not content, decides).
    const again = votes.voteFor(0, 's0', 0, buy('standing'));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
