using System;
using System.Collections.Generic;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// How each kind of versioned definition is published (listed, read, compared, created), one place shared by
    /// Publish-IbComponent, Publish-IbWorkflow, Publish-IbRecipe and Publish-IbPipeline so they cannot disagree.
    /// The request function gives the create request for a version; it is also what a stored version is compared
    /// with. The send is the cmdlet's own create (Publish-IbPipeline sets one of its own afterwards, so it may be left out).
    /// </summary>
    internal static class DefinitionPublications
    {
        public static Publication<Component> Component(IbCmdlet cmdlet, string version, Func<string, CreateComponentRequest> request,
            Action<CreateComponentRequest, string>? send = null)
        {
            var name = request("").Name ?? "";
            return new Publication<Component>("component", name, version)
            {
                Versions = target => cmdlet.ReadPages(IbOperations.ListComponents, new ListComponentsRequest { Filters = NameFilter(name) }, target),
                Get = arn => cmdlet.Call(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn)?.Component,
                Compare = stored => DefinitionComparisons.Component(stored, request("")),
                Request = v => request(v),
                Send = send is null ? null! : (r, target) => send((CreateComponentRequest)r, target),
            };
        }

        public static Publication<Workflow> Workflow(IbCmdlet cmdlet, string version, Func<string, CreateWorkflowRequest> request,
            Action<CreateWorkflowRequest, string>? send = null)
        {
            var wanted = request("");
            var name = wanted.Name ?? "";
            // A workflow's type is part of its ARN (workflow/build/NAME): a test workflow of the same name is another one.
            var arnType = "workflow/" + (wanted.Type ?? "").ToLowerInvariant();
            return new Publication<Workflow>("workflow", name, version)
            {
                Versions = target => cmdlet.ReadPages(IbOperations.ListWorkflows, new ListWorkflowsRequest { Filters = NameFilter(name) }, target),
                Belongs = arn => string.Equals(arn.ResourceType, arnType, StringComparison.Ordinal),
                Get = arn => cmdlet.Call(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn)?.Workflow,
                Compare = stored => DefinitionComparisons.Workflow(stored, request("")),
                Request = v => request(v),
                Send = send is null ? null! : (r, target) => send((CreateWorkflowRequest)r, target),
            };
        }

        public static Publication<ImageRecipe> Recipe(IbCmdlet cmdlet, string version, Func<string, CreateImageRecipeRequest> request,
            Action<CreateImageRecipeRequest, string>? send = null)
        {
            var name = request("").Name ?? "";
            return new Publication<ImageRecipe>("image recipe", name, version)
            {
                Versions = target => cmdlet.ReadPages(IbOperations.ListImageRecipes, new ListImageRecipesRequest { Filters = NameFilter(name) }, target),
                Get = arn => cmdlet.Call(IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn)?.ImageRecipe,
                Compare = stored => DefinitionComparisons.Recipe(stored, request("")),
                Request = v => request(v),
                Send = send is null ? null! : (r, target) => send((CreateImageRecipeRequest)r, target),
            };
        }

        private static List<Filter> NameFilter(string name) => new() { new Filter { Name = "name", Values = new List<string> { name } } };
    }
}
