import { Menu } from 'electron';
import {
  type MenuCommand,
  type MenuModelInput,
  buildMenuModel,
  toMenuTemplate,
} from './menu-model';

/** Installs the application menu for the current state; called again whenever that state changes. */
export function installMenu(input: MenuModelInput, run: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenuTemplate(buildMenuModel(input), run)));
}
