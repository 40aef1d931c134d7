import { loadSharedConfigFiles } from '@smithy/core/config';

/** The profile Green ML reads: the setting's, else `AWS_PROFILE`, else `default` (as the SDK picks it). */
export function profileName(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return profile?.trim() || env.AWS_PROFILE?.trim() || 'default';
}

/**
 * The `region` of an AWS profile in the shared config file (`AWS_CONFIG_FILE`, else `~/.aws/config`),
 * read from disk without the network and without touching credentials; undefined when the file,
 * the profile or its region is missing. The files are read again on each call.
 */
export async function configuredRegion(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const name = profileName(profile, env);
  try {
    const files = await loadSharedConfigFiles({ ignoreCache: true, ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}), ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}) });
    const region = files.configFile[name]?.region ?? files.credentialsFile[name]?.region;
    return typeof region === 'string' && region.trim() !== '' ? region.trim() : undefined;
  } catch {
    // An unreadable file is the same as none: the figures fall back to us-east-1.
    return undefined;
  }
}
