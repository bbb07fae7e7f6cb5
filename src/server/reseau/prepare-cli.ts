/**
 * `node dist/server/reseau/prepare.js`: the systemd unit's ExecStartPre
 * (deploy/templates/lanterne-syncthing.service). Writes the box's settings (API on
 * 127.0.0.1 with the box's key, nothing that talks to the internet) into Syncthing's
 * home before systemd starts it: the same `prepareHome` the box runs in development.
 */
import { loadConfig } from '../config.js';
import { prepareHome, reseauPaths, settingsOf } from './home.js';

const config = loadConfig();
await prepareHome(reseauPaths(config.dataDir), settingsOf(config));
