export { collectBands, RegistrationError, type BandImage, type FileLabel } from "./collect-bands";
export { registerGalaxy, type RegisteredGalaxy, type RegistrationOptions } from "./register-galaxy";
