// kube-controller-manager v1.34.4 (the garbage collector and namespace controllers the live tests
// need), built from the published module for the live control plane (test/live).
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() { os.Exit(cli.Run(app.NewControllerManagerCommand())) }
