// The figure formats live with the estimates so that rule messages and views print numbers alike.
export { formatFigure, formatUsd, hourlyFigures } from '../estimate/savings';
