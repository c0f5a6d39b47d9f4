using System;
using System.Collections.Generic;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        // How each kind of versioned definition is published (listed, read, compared, created), shared by
        // Publish-IbComponent, Publish-IbWorkflow, Publish-IbRecipe and Publish-IbPipeline. The request function
        // gives the create request for a version; it is also what a stored version is compared with.

        private protected Publication<Component> ComponentPublication(string version, Func<string, CreateComponentRequest> request)
        {
            var name = request("").Name ?? "";
            return new Publication<Component>("component", name, version)
            {
                List = IbOperations.ListComponents,
                ListRequest = new ListComponentsRequest { Filters = NameFilter(name) },
                Get = arn => Call(ServiceBinding.ImageBuilder, IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn) is GetComponentResponse r ? r.Component : null,
                Compare = stored => DefinitionComparisons.Component(stored, request("")),
                Request = v => request(v),
                Send = (r, target) => SendCreateComponent((CreateComponentRequest)r, target),
            };
        }

        private protected Publication<Workflow> WorkflowPublication(string version, Func<string, CreateWorkflowRequest> request)
        {
            var wanted = request("");
            var name = wanted.Name ?? "";
            // A workflow's type is part of its ARN (workflow/build/NAME): a test workflow of the same name is another one.
            var arnType = "workflow/" + (wanted.Type ?? "").ToLowerInvariant();
            return new Publication<Workflow>("workflow", name, version)
            {
                List = IbOperations.ListWorkflows,
                ListRequest = new ListWorkflowsRequest { Filters = NameFilter(name) },
                Belongs = arn => string.Equals(arn.ResourceType, arnType, StringComparison.Ordinal),
                Get = arn => Call(ServiceBinding.ImageBuilder, IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn) is GetWorkflowResponse r ? r.Workflow : null,
                Compare = stored => DefinitionComparisons.Workflow(stored, request("")),
                Request = v => request(v),
                Send = (r, target) => SendCreateWorkflow((CreateWorkflowRequest)r, target),
            };
        }

        private protected Publication<ImageRecipe> RecipePublication(string version, Func<string, CreateImageRecipeRequest> request)
        {
            var name = request("").Name ?? "";
            return new Publication<ImageRecipe>("image recipe", name, version)
            {
                List = IbOperations.ListImageRecipes,
                ListRequest = new ListImageRecipesRequest { Filters = NameFilter(name) },
                Get = arn => Call(ServiceBinding.ImageBuilder, IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn) is GetImageRecipeResponse r ? r.ImageRecipe : null,
                Compare = stored => DefinitionComparisons.Recipe(stored, request("")),
                Request = v => request(v),
                Send = (r, target) => SendCreateImageRecipe((CreateImageRecipeRequest)r, target),
            };
        }

        private static List<Filter> NameFilter(string name) => new() { new Filter { Name = "name", Values = new List<string> { name } } };
    }
}
