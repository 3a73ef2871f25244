/**
 * A simulation that cannot continue: a non-finite state, an implausible motion, an actor that
 * left the road network, or a scenario the simulator cannot set up. Names the actor and tick so
 * the run can be reproduced and inspected; never a silently wrong trajectory.
 */
export class SimulationError extends Error {
  constructor(
    message: string,
    /** Scenario id of the actor at fault ("ego" for the ego vehicle), if any. */
    readonly actor?: string,
    /** Tick at which the problem was found, if the run had started. */
    readonly tick?: number,
    /** JSON pointer of the scenario value at fault (e.g. "/actors/0/place/s"), when one is. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}
