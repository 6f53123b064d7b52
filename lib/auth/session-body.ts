// The session as next-auth's `/api/auth/session` answers it for a signed-in visitor; `{}` for
// anyone else. Client components (the header, "jump to my rank", the galaxy page's default
// volunteer) read `user.boincUserId` and `user.role` from it. No email address, ever.
import type { Role } from "./roles";

export type SessionUser = { id: number; name: string; role: Role; boincUserId: number | null };

export type SessionBody = { expires: string; user: SessionUser };
