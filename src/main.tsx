import { render } from "solid-js/web";
import { App } from "./ui/App";
import "./ui/styles/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lost its #root element");
render(() => <App />, root);
