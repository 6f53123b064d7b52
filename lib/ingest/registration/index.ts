export { collectBands, RegistrationError, type FileLabel } from "./collect-bands";
export { registerGalaxy } from "./register-galaxy";
