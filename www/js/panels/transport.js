// The transport: Play, Pause, Step, Reset and the speed (steps per second). It drives the
// controller; nothing of it is in the scenario.
import { Panel } from './panel.js';

export class TransportPanel extends Panel {
  setup() {
    const c = this.app.controller;
    this.on(this.part('play'), 'click', () => c.play());
    this.on(this.part('pause'), 'click', () => c.pause());
    this.on(this.part('step'), 'click', () => c.step());
    this.on(this.part('reset'), 'click', () => c.reset());
    this.on(this.part('speed'), 'input', (e) => {
      c.setSpeed(Number(e.target.value));
      this.part('speed-out').textContent = e.target.value;
    });
    c.setSpeed(Number(this.part('speed').value));
    this.part('speed-out').textContent = this.part('speed').value;
  }
}
