import "server-only";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { normaliseEmail } from "@/lib/domain/invitations";
import { signUpLimits } from "@/lib/domain/sign-up";
import { keyOf, rateLimitPool } from "@/lib/server/sign-in/rate-limit";

/** Counts sign-up requests; false when the address or the IP address has had its share. */
export type SignUpLimiter = { allow(request: { email: string; ip: string | null }): Promise<boolean> };

const addressOptions = { keyPrefix: "signup-address", points: signUpLimits.address.points, duration: signUpLimits.address.windowSeconds };
const ipOptions = { keyPrefix: "signup-ip", points: signUpLimits.ip.points, duration: signUpLimits.ip.windowSeconds };

async function take(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

function limiterOver(address: RateLimiterAbstract, ip: RateLimiterAbstract): SignUpLimiter {
  return {
    async allow(request) {
      // Every request counts, whether the address has an account or not, so the
      // throttle itself tells nothing. Keys are hashes, as for sign-in (decision 017).
      if (!(await take(address, keyOf(`signup-address:${normaliseEmail(request.email)}`)))) return false;
      return request.ip ? take(ip, keyOf(`signup-ip:${request.ip}`)) : true;
    },
  };
}

/** Counters in the shared "RateLimit" table, like sign-in's. */
export function postgresSignUpLimiter(pool: pg.Pool): SignUpLimiter {
  const store = { storeClient: pool, storeType: "pool", tableName: "RateLimit", tableCreated: true };
  return limiterOver(new RateLimiterPostgres({ ...store, ...addressOptions }), new RateLimiterPostgres({ ...store, ...ipOptions }));
}

/** Counters in this process: the demo on PGlite only (see memorySignInLimiter). */
export function memorySignUpLimiter(): SignUpLimiter {
  return limiterOver(new RateLimiterMemory(addressOptions), new RateLimiterMemory(ipOptions));
}

const globalForLimiter = globalThis as unknown as { doorbraakSignUpLimiter?: SignUpLimiter };

export function signUpLimiter(): SignUpLimiter {
  const pool = rateLimitPool();
  globalForLimiter.doorbraakSignUpLimiter ??= pool ? postgresSignUpLimiter(pool) : memorySignUpLimiter();
  return globalForLimiter.doorbraakSignUpLimiter;
}
